import { h } from '../dom.js';
import { placeholder } from './placeholder.js';

export const render = main => placeholder(main, {
  title: 'Indicators', feature: 'indicators',
  lead: 'Trade-weighted average tariffs, day by day: what the average US duty on Chinese goods is, and how it moved.',
  missing: [h('p', {}, 'No trade data is loaded: load trade data with ', h('code', {}, 'tariffscope data import-trade'),
    ', then this page shows the indicators once the server offers them.')],
});
