/** Entry: mount the dashboard on the node and the results the page names (see nodeUrl and resultsUrl). */
import { render } from 'preact';
import { App } from './app.tsx';
import { nodeUrl } from './nodeUrl.ts';
import { resultsUrl } from './resultsUrl.ts';
import './styles.css';

const root = document.getElementById('app');
if (root !== null)
  render(<App url={nodeUrl(window.location, document)} results={resultsUrl(document)} />, root);
