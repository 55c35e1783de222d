/*
 * Onboarding: Tasklist's Camunda Forms (form-js 1.8) write their own validation messages and the "Select" of an
 * empty dropdown in English only. Where Tasklist speaks German (the browser's first language that Tasklist has,
 * Camunda's rule, which also picks the German forms), they are shown in German. Loaded by config.js (customScripts).
 */
const GERMAN = [
  [/^Field is required\.$/, 'Dieses Feld muss ausgefüllt werden.'],
  [/^Field must be a valid email\.$/, 'Geben Sie eine gültige E-Mail-Adresse ein.'],
  [/^Field must have minimum length of (\d+)\.$/, 'Mindestens $1 Zeichen.'],
  [/^Field must have maximum length of (\d+)\.$/, 'Höchstens $1 Zeichen.'],
  [/^Field must have minimum value of (.+)\.$/, 'Mindestens $1.'],
  [/^Field must have maximum value of (.+)\.$/, 'Höchstens $1.'],
  [/^Field must match pattern (.+)\.$/, 'Das Feld muss dem Muster $1 entsprechen.'],
  [/^Select$/, 'Auswählen']
];

const AVAILABLE = ['en', 'de'];

function readersLanguage() {
  const first = (navigator.languages || [navigator.language])
    .map(tag => String(tag).toLowerCase().split('-')[0])
    .find(language => AVAILABLE.includes(language));
  return first || 'en';
}

function translate(node) {
  const text = node.nodeValue.trim();
  for (const [english, german] of GERMAN) {
    if (english.test(text)) {
      node.nodeValue = text.replace(english, german);
      return;
    }
  }
}

const MESSAGES = '.fjs-form-field-error li, .fjs-select-placeholder';

/** The text nodes of form-js' error lists and empty dropdowns at and under an element. */
function translateUnder(root) {
  if (!root || !root.querySelectorAll) {
    return;
  }
  const elements = [...(root.matches(MESSAGES) ? [root] : []), ...root.querySelectorAll(MESSAGES)];
  elements.forEach(element => element.childNodes.forEach(child => {
    if (child.nodeType === Node.TEXT_NODE) {
      translate(child);
    }
  }));
}

if (readersLanguage() === 'de') {
  new MutationObserver(mutations => mutations.forEach(mutation => {
    if (mutation.type === 'characterData') {
      const parent = mutation.target.parentElement;
      if (parent && parent.closest(MESSAGES)) {
        translate(mutation.target);
      }
    } else if (mutation.target.closest && mutation.target.closest('.fjs-form')) {
      // A message or text added inside a form (Preact replaces what changed).
      translateUnder(mutation.target);
    } else {
      // A whole form rendered into the page.
      mutation.addedNodes.forEach(node => translateUnder(node.nodeType === Node.ELEMENT_NODE ? node : null));
    }
  })).observe(document.body, {childList: true, subtree: true, characterData: true});
}

export default [];
