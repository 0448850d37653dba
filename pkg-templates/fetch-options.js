// The engine's documents fetched from URLs the caller gives: shared by the
// browser and Node entries. Only those URLs are fetched, with no cookie.

const FIELDS = ['questionnaire', 'catalogue', 'local_catalogue'];

/** A Passerelle error: an Error with a stable `code` and `details`. */
function fetchError(field, path, url, message) {
  const error = new Error(`Could not fetch ${field} from ${url}: ${message}`);
  error.code = 'fetch_failed';
  error.details = [{ path, code: 'fetch_failed', message }];
  return error;
}

/**
 * The text at `url`, fetched with no cookie; a `fetch_failed` error names
 * `field`, with `path` in its details (`$.<field>_url` by default).
 * @param {string} field
 * @param {string | URL} url
 * @param {string} [path]
 * @returns {Promise<string>}
 */
export async function fetchText(field, url, path = `$.${field}_url`) {
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
 * `options` with each `<field>_url` replaced by the text fetched from it
 * (as `<field>`); the other options are kept as they are.
 * @param {object} options
 * @returns {Promise<object>}
 */
export async function fetchedOptions(options = {}) {
  const resolved = { ...options };
  await Promise.all(FIELDS.map(async (field) => {
    const url = options[`${field}_url`];
    delete resolved[`${field}_url`];
    if (url === undefined || url === null) return;
    resolved[field] = await fetchText(field, url);
  }));
  return resolved;
}
