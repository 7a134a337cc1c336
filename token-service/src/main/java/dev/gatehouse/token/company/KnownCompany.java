package dev.gatehouse.token.company;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A company directory-service created: token-service's copy, only to know that it exists. */
@Entity
@Table(name = "known_company")
public class KnownCompany {

    @Id
    public UUID id;

    @Column(nullable = false, length = 200)
    public String name;
}
