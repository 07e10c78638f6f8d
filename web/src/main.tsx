/** Entry: mount the dashboard on the node the page names (see nodeUrl). */
import { render } from 'preact';
import { App } from './app.tsx';
import { nodeUrl } from './nodeUrl.ts';
import './styles.css';

const root = document.getElementById('app');
if (root !== null) render(<App url={nodeUrl(window.location, document)} />, root);
