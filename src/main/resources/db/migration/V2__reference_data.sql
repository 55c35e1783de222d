insert into app_role (code, name, description) values
    ('ADMINISTRATOR', 'Administrator', 'Manages users and settings of the assigned clients'),
    ('STANDARD', 'Standard user', 'Works with the data of the assigned clients'),
    ('READ_ONLY', 'Read-only', 'Reads the data of the assigned clients, changes nothing');

insert into app_permission (code, name, description) values
    ('VIEW_REPORTS', 'View reports', 'Open the reporting dashboards'),
    ('EXPORT_DATA', 'Export data', 'Download lists and reports as files'),
    ('MANAGE_DOCUMENTS', 'Manage documents', 'Upload, replace and delete documents'),
    ('APPROVE_PAYMENTS', 'Approve payments', 'Release payments for transfer'),
    ('MANAGE_INVOICES', 'Manage invoices', 'Create and correct invoices');
