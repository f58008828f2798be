// The dashboard shell: finds the page the path names, marks it in the navigation and lets its module draw it.
import { h, clear, errorBox, show } from './dom.js';
import { watchDownloads } from './downloads.js';

const pages = {
  play: 'State of play', quote: 'Quote', timeline: 'Timeline', deadlines: 'Deadlines', scenarios: 'Scenarios',
  indicators: 'Indicators', batch: 'Batch', replay: 'Replay', impact: 'Impact', game: 'Game', controls: 'Controls',
};

async function start() {
  const name = location.pathname.replace(/^\/+|\/+$/g, '') || 'play';
  const page = Object.hasOwn(pages, name) ? name : 'play';
  document.title = `${pages[page]} · Tariffscope`;
  for (const a of document.querySelectorAll('.top nav a')) {
    if (a.getAttribute('href') === `/${page}`) a.setAttribute('aria-current', 'page');
  }
  const main = document.getElementById('main');
  watchDownloads(main);
  try {
    const module = await import(`./pages/${page}.js`);
    clear(main);
    await module.render(main, new URLSearchParams(location.search));
  } catch (e) {
    show(main, h('h1', {}, pages[page]), errorBox(e));
  }
}

start();
