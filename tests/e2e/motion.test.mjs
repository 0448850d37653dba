// prefers-reduced-motion in a real browser: with it, nothing in the
// widgets' shadow roots moves (no transition, no animation, no smooth
// scrolling); without it, the buttons' transition shows the check sees
// motion when there is some.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, baseUrl } from './browser.mjs';
import { diagnosis } from './fixtures.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/**
 * Every element in the shadow roots of the Passerelle elements on the
 * page (nested ones too), with what would move: a transition or an
 * animation of some duration, or smooth scrolling (of the element, or of
 * the page, which the widgets scroll when they move the focus).
 */
function motion(page) {
  return page.evaluate(() => {
    const seconds = (list) => list.split(',').map((value) => parseFloat(value) || 0);
    const checked = [];
    const moving = [];
    const smooth = [];
    const look = (element, pseudo, where) => {
      const style = getComputedStyle(element, pseudo);
      const name = `${where} ${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${pseudo ?? ''}`;
      const animated = style.animationName.split(',').some((n) => n.trim() !== 'none')
        && seconds(style.animationDuration).some((s) => s > 0);
      if (seconds(style.transitionDuration).some((s) => s > 0) || animated) {
        moving.push(`${name}: transition ${style.transitionProperty} ${style.transitionDuration}, animation ${style.animationName}`);
      }
      if (style.scrollBehavior === 'smooth') smooth.push(name);
    };
    const walk = (root, where) => {
      for (const element of root.querySelectorAll('*')) {
        if (root !== document) {
          checked.push(element);
          for (const pseudo of [null, '::before', '::after']) look(element, pseudo, where);
        }
        if (element.shadowRoot && element.tagName.startsWith('PASSERELLE-')) {
          walk(element.shadowRoot, element.tagName.toLowerCase());
        }
      }
    };
    walk(document, 'page');
    if (getComputedStyle(document.documentElement).scrollBehavior === 'smooth') smooth.push('the page');
    return {
      checked: checked.length,
      buttons: checked.filter((element) => element.tagName === 'BUTTON').length,
      moving,
      smooth,
    };
  });
}

for (const [name, url, ready] of [
  ['index.html (the widgets one by one)', baseUrl, 'passerelle-plan #passerelle-build-plan'],
  ['mairie.html (the parcours, theme="dsfr")', new URL('mairie.html', baseUrl).href, 'passerelle-parcours passerelle-diagnostic #passerelle-continue'],
]) {
  test(`${name}: with prefers-reduced-motion nothing in the widgets moves; without it the buttons do`, async () => {
    const { page, seen } = await openPage(browser, url);
    await page.waitForFunction(() => customElements.get('passerelle-plan'));
    // The orientation and the plan given a diagnosis, so that they show their controls.
    await page.evaluate((value) => {
      for (const element of document.querySelectorAll('passerelle-orientation, passerelle-plan')) {
        element.diagnosis = value;
      }
    }, diagnosis);
    await page.locator(ready).first().waitFor();

    await page.emulateMedia({ reducedMotion: 'no-preference' });
    const free = await motion(page);
    assert.ok(free.buttons > 0, 'buttons were checked');
    assert.ok(free.moving.some((line) => line.includes(' button') && line.includes('background-color')),
      `without the preference, the buttons' transition is seen: ${free.moving.join('; ')}`);

    await page.emulateMedia({ reducedMotion: 'reduce' });
    const reduced = await motion(page);
    assert.equal(reduced.checked, free.checked);
    assert.deepEqual(reduced.moving, [], 'nothing moves');
    assert.deepEqual(reduced.smooth, [], 'no smooth scrolling');
    assert.deepEqual(seen.errors, []);
    await page.close();
  });
}
