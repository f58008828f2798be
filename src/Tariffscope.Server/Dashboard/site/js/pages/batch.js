import { h } from '../dom.js';
import { placeholder } from './placeholder.js';

export const render = main => placeholder(main, {
  title: 'Batch rating', feature: 'batch',
  lead: 'Rate a whole entry file (CSV, XLSX or Parquet) under several scenarios: every line rated or rejected with its reason.',
  missing: [h('p', {}, 'Batch rating is not part of this server yet. Until it is, quote lines one at a time on the ',
    h('a', { href: '/quote' }, 'Quote'), ' page or with ', h('code', {}, 'tariffscope quote'), '.')],
});
