// Small DOM helpers shared by the views: elements, loading and error states.
import { ApiProblem } from './api.js';
import { t } from './i18n.js';

/**
 * @param {string} tag
 * @param {Record<string, string>} [attributes]
 * @param {(Node | string)[]} [children]
 */
export function h(tag, attributes = {}, children = []) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    element.setAttribute(key, value);
  }
  element.append(...children);
  return element;
}

/** @param {HTMLElement} where */
export function showLoading(where) {
  where.replaceChildren(h('p', { class: 'loading', role: 'status' }, [t('loading')]));
}

/**
 * Says what is missing and why, with a way to try again.
 * @param {HTMLElement} where
 * @param {unknown} error
 * @param {() => void} retry
 */
export function showError(where, error, retry) {
  const detail = error instanceof ApiProblem
    ? `${error.service ? `${error.service}: ` : ''}${error.title}${error.detail ? ` (${error.detail})` : ''}`
    : String(error);
  const button = h('button', { type: 'button' }, [t('retry')]);
  button.addEventListener('click', retry);
  where.replaceChildren(h('div', { class: 'error', role: 'alert' }, [h('p', {}, [`${t('missing')}: ${detail}`]), button]));
}

/** @param {Date} date */
export function isoDate(date) {
  return date.toISOString().slice(0, 10);
}

/** @param {number | null | undefined} value */
export function number(value) {
  return value === null || value === undefined ? '–' : value.toLocaleString(undefined, { maximumFractionDigits: 2 });
}
