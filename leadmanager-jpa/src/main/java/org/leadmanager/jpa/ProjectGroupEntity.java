package org.leadmanager.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** Row of {@code lm_project_group}: a contact group bound to a project. */
@Entity(name = "LmProjectGroup")
@Table(name = "lm_project_group")
@IdClass(ProjectGroupEntity.Key.class)
class ProjectGroupEntity {
    @Id
    @Column(name = "project_id", length = 36)
    String projectId;
    @Id
    @Column(name = "group_id", length = 64)
    String groupId;
    @Column(name = "tenant_id", length = 64, nullable = false)
    String tenantId;

    protected ProjectGroupEntity() {
    }

    ProjectGroupEntity(String projectId, String groupId, String tenantId) {
        this.projectId = projectId;
        this.groupId = groupId;
        this.tenantId = tenantId;
    }

    /** The composite primary key. */
    static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        String projectId;
        String groupId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(projectId, k.projectId) && Objects.equals(groupId, k.groupId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(projectId, groupId);
        }
    }
}
