// The API playground: the request typed in the page, run by the engine,
// the result or the error (code, message, details) shown as JSON.
import { load, Engine } from './pkg/passerelle.js';

await load();
const engine = new Engine();
const form = document.getElementById('playground');
const output = document.getElementById('output');

function run() {
  let shown;
  try {
    shown = engine.orient(JSON.parse(document.getElementById('request').value));
  } catch (error) {
    shown = { code: error.code ?? 'invalid_json', message: error.message, details: error.details ?? [] };
  }
  output.textContent = JSON.stringify(shown, null, 2);
}
form.addEventListener('submit', (event) => {
  event.preventDefault();
  run();
});
run();
