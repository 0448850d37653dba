// The engine's documents fetched from URLs the caller gives: shared by the
// browser and Node entries. Only those URLs are fetched, with no cookie.

const FIELDS = ['questionnaire', 'catalogue', 'localCatalogue'];

/**
 * A Passerelle error: an Error with a stable `code` and `details`, as own
 * properties (not set through a setter a script put on Object.prototype).
 */
function passerelleError(code, message, details) {
  const own = (value) => ({ __proto__: null, value, writable: true, enumerable: true, configurable: true });
  return Object.defineProperties(new Error(message), { code: own(code), details: own(details) });
}

function fetchError(field, path, url, message) {
  return passerelleError('fetch_failed', `Could not fetch ${field} from ${url}: ${message}`,
    [{ path, code: 'fetch_failed', message }]);
}

/**
 * The text at `url`, fetched with no cookie; a `fetch_failed` error names
 * `field`, with `path` in its details (`$.<field>Url` by default).
 * @param {string} field
 * @param {string | URL} url
 * @param {string} [path]
 * @returns {Promise<string>}
 */
export async function fetchText(field, url, path = `$.${field}Url`) {
  let response;
  try {
    response = await fetch(url, { credentials: 'omit' });
  } catch (error) {
    throw fetchError(field, path, url, String(error?.message ?? error));
  }
  if (!response.ok) throw fetchError(field, path, url, `HTTP ${response.status}`);
  return response.text();
}

/**
 * `options` (a plain object) with each `<field>Url` replaced by the text
 * fetched from it (as `<field>`); the other options are kept as they are.
 * Only the object's own properties are read: a URL put on
 * `Object.prototype` by a polluted library is not fetched. A `Map`, a
 * class instance or any other object is refused (`wrong_type`).
 * @param {object} options
 * @returns {Promise<object>}
 */
export async function fetchedOptions(options = {}) {
  const prototype = typeof options === 'object' && options !== null
    ? Object.getPrototypeOf(options) : undefined;
  if (prototype !== Object.prototype && prototype !== null) {
    const message = 'options must be a plain object: {questionnaireUrl, catalogueUrl, …}';
    throw passerelleError('wrong_type', message, [{ path: '$', code: 'wrong_type', message }]);
  }
  // Own enumerable properties only, onto an object with no prototype.
  const resolved = Object.assign(Object.create(null), options);
  await Promise.all(FIELDS.map(async (field) => {
    const url = resolved[`${field}Url`];
    delete resolved[`${field}Url`];
    if (url === undefined || url === null) return;
    resolved[field] = await fetchText(field, url);
  }));
  return resolved;
}
