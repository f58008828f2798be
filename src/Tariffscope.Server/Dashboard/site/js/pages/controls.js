import { h } from '../dom.js';
import { placeholder } from './placeholder.js';

export const render = main => placeholder(main, {
  title: 'Export controls', feature: 'controls',
  lead: 'Do I need a licence to ship these magnets or this chip to that destination on this date?',
  missing: [h('p', {}, 'Export-control screening is not part of this server yet.')],
});
