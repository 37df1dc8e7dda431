import { startPlayground } from './start-playground.js';

// The bundle's entry, loaded with `defer`: the page is parsed when it runs.
startPlayground(document, window);
