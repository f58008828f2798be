import { h } from '../dom.js';
import { placeholder } from './placeholder.js';

export const render = main => placeholder(main, {
  title: 'Impact', feature: 'impact',
  lead: 'What a snap-back does to trade, prices, revenue and welfare, and who gains from trade diversion.',
  missing: [h('p', {}, 'The impact model is not part of this server yet. It needs trade data: load it with ',
    h('code', {}, 'tariffscope data import-trade'), '.')],
});
