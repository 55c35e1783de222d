// Follows the page's one link at once (the link works without JavaScript too).
document.querySelector('[data-continue]')?.click();
