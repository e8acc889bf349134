package org.leadmanager.domain.project;

/** What contacts are qualified for. */
public enum ProjectKind {
    PROJECT,
    PRODUCT
}
