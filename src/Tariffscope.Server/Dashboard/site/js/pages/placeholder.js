// A page whose capability this server build does not serve yet: says so, and says how it will come.
import { h } from '../dom.js';
import { features } from '../api.js';

export async function placeholder(main, { title, feature, lead, missing }) {
  const on = (await features())[feature];
  main.append(h('h1', {}, title), h('p', { class: 'lead' }, lead),
    h('div', { class: 'placeholder', role: 'status' },
      on ? h('p', {}, `This server offers the ${feature} API (see the API reference), but this dashboard page has not been built for it yet.`)
        : missing));
}
