import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';

const target = document.getElementById('app')!;
// index.html's "Starting Oversight…" line, painted before this code arrived, gives way to the app.
target.replaceChildren();
mount(App, { target });
