package org.leadmanager.domain.project;

/** What kind of marketing action a contact responded to; a lead's source names its action. */
public enum ActionKind {
    EMAIL_CAMPAIGN,
    EVENT,
    WEB_FORM,
    IMPORT,
    OTHER
}
