// The engine's documents fetched from URLs the caller gives: shared by the
// browser and Node entries. Only those URLs are fetched, with no cookie.

const FIELDS = ['questionnaire', 'catalogue', 'local_catalogue'];

/** A Passerelle error: an Error with a stable `code` and `details`. */
function fetchError(field, url, message) {
  const error = new Error(`Could not fetch ${field} from ${url}: ${message}`);
  error.code = 'fetch_failed';
  error.details = [{ path: `$.${field}_url`, code: 'fetch_failed', message }];
  return error;
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
    let response;
    try {
      response = await fetch(url, { credentials: 'omit' });
    } catch (error) {
      throw fetchError(field, url, String(error?.message ?? error));
    }
    if (!response.ok) throw fetchError(field, url, `HTTP ${response.status}`);
    resolved[field] = await response.text();
  }));
  return resolved;
}
