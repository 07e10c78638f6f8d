/** Entry: mount the dashboard on the node, results and runs the page names (see nodeUrl, resultsUrl, runsUrl). */
import { render } from 'preact';
import { App } from './app.tsx';
import { nodeUrl } from './nodeUrl.ts';
import { resultsUrl } from './resultsUrl.ts';
import { runsUrls } from './runsUrl.ts';
import './styles.css';

const root = document.getElementById('app');
if (root !== null)
  render(
    <App url={nodeUrl(window.location, document)} results={resultsUrl(document)} runs={runsUrls(document)} />,
    root,
  );
