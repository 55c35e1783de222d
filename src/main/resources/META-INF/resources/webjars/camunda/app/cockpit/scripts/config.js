/*
 * Onboarding: Cockpit's configuration (Camunda 7.24's default is empty). Cockpit speaks English or German by the
 * browser's first language, as Tasklist and the application do. The script adds a tab "User" to a process instance
 * of the onboarding processes: a link to the user's row in the user administration, which Cockpit's variable table
 * can only show as text (the variable userLink).
 */
export default {
  locales: {
    availableLocales: ['en', 'de'],
    fallbackLocale: 'en'
  },
  customScripts: ['scripts/user-link']
};
