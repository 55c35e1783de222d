-- Roles and permissions in German too: pages show them in the page's language, mails in the recipient's.
alter table app_role add column name_de varchar(100);
alter table app_role add column description_de varchar(500);
alter table app_permission add column name_de varchar(100);
alter table app_permission add column description_de varchar(500);

update app_role set name_de = 'Administrator',
    description_de = 'Verwaltet Benutzer und Einstellungen der zugewiesenen Mandanten' where code = 'ADMINISTRATOR';
update app_role set name_de = 'Standardbenutzer',
    description_de = 'Arbeitet mit den Daten der zugewiesenen Mandanten' where code = 'STANDARD';
update app_role set name_de = 'Nur lesen',
    description_de = 'Liest die Daten der zugewiesenen Mandanten, ändert nichts' where code = 'READ_ONLY';

update app_permission set name_de = 'Berichte ansehen',
    description_de = 'Die Berichts-Dashboards öffnen' where code = 'VIEW_REPORTS';
update app_permission set name_de = 'Daten exportieren',
    description_de = 'Listen und Berichte als Dateien herunterladen' where code = 'EXPORT_DATA';
update app_permission set name_de = 'Dokumente verwalten',
    description_de = 'Dokumente hochladen, ersetzen und löschen' where code = 'MANAGE_DOCUMENTS';
update app_permission set name_de = 'Zahlungen freigeben',
    description_de = 'Zahlungen zur Überweisung freigeben' where code = 'APPROVE_PAYMENTS';
update app_permission set name_de = 'Rechnungen verwalten',
    description_de = 'Rechnungen erstellen und korrigieren' where code = 'MANAGE_INVOICES';
