/*
 * Onboarding: a tab "User" on a process instance in Cockpit. Every onboarding process names its user in the variable
 * userLink (/users/{id}); Cockpit's variable table shows it as text. Here it is a link to the user's row in the user
 * administration, with a word on time zones: Cockpit shows times in the browser's zone, the user administration and
 * the mails in the service's zone, which the Users screen names under its table.
 */
const TEXTS = {
  en: {
    tab: 'User',
    open: 'Open the user in the user administration',
    none: 'No user of the user administration belongs to this instance.',
    zones: 'Cockpit shows times in your browser\u2019s time zone; the user administration and the mails in the service\u2019s, named under the Users table.'
  },
  de: {
    tab: 'Benutzer',
    open: 'Benutzer in der Benutzerverwaltung öffnen',
    none: 'Zu dieser Instanz gehört kein Benutzer der Benutzerverwaltung.',
    zones: 'Cockpit zeigt Zeiten in der Zeitzone Ihres Browsers, die Benutzerverwaltung und die E-Mails in der des Dienstes (unter der Benutzertabelle genannt).'
  }
};

/** Cockpit's own choice: the browser's first language that Cockpit has (English and German). */
const language = (navigator.languages || [navigator.language])
  .map(tag => String(tag).toLowerCase().split('-')[0])
  .find(code => code in TEXTS) || 'en';
const text = TEXTS[language];

export default {
  id: 'onboarding.userLink',
  pluginPoint: 'cockpit.processInstance.runtime.tab',
  priority: 5,
  properties: {label: text.tab},
  render: (node, {api, processInstanceId}) => {
    const paragraph = document.createElement('p');
    node.replaceChildren(paragraph);
    fetch(`${api.engineApi}/process-instance/${encodeURIComponent(processInstanceId)}/variables/userLink`, {
      headers: {'Accept': 'application/json', 'X-XSRF-TOKEN': api.CSRFToken},
      credentials: 'same-origin'
    })
      .then(response => response.ok ? response.json() : null)
      .then(variable => {
        const path = variable && typeof variable.value === 'string' && /^\/users\/\d+$/.test(variable.value)
          ? variable.value : null;
        if (path) {
          const link = document.createElement('a');
          link.href = path;
          link.textContent = text.open;
          link.className = 'onboarding-user-link';
          paragraph.replaceChildren(link);
        } else {
          paragraph.textContent = text.none;
        }
        const zones = document.createElement('p');
        zones.className = 'text-muted';
        zones.textContent = text.zones;
        node.appendChild(zones);
      });
  }
};
