import { render } from 'preact';
import { App } from './app';
import './panel.css';

render(<App />, document.getElementById('app')!);
