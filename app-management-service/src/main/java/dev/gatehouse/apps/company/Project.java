package dev.gatehouse.apps.company;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A project as app-management knows it from the directory's events: which company, and whether archived. */
@Entity
@Table(name = "project")
public class Project {

    @Id
    public UUID id;

    @Column(name = "company_id", nullable = false)
    public UUID companyId;

    @Column(nullable = false)
    public boolean archived;
}
