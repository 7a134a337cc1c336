package dev.gatehouse.directory.company;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A tenant: the company that installs apps and owns projects and users. */
@Entity
@Table(name = "company")
public class Company {

    @Id
    public UUID id;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, columnDefinition = "text")
    public String createdBy;

    /** Optimistic lock: concurrent changes to one company serialize, which keeps its events in commit order. */
    /** Admins act as admins only with a token from a sign-in with a second factor. */
    @Column(name = "require_second_factor_for_admins", nullable = false)
    public boolean requireSecondFactorForAdmins;

    @Version
    public long version;
}
