package dev.gatehouse.apps;

import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.Topics;
import dev.gatehouse.events.apps.AppsEvents;
import dev.gatehouse.events.apps.DeveloperRoleChanged;
import dev.gatehouse.events.directory.CompanyRoleChanged;
import dev.gatehouse.events.directory.DirectoryEvents;
import dev.gatehouse.people.PeopleFeed;
import dev.gatehouse.testsupport.EventSender;
import dev.gatehouse.testsupport.TestTokens;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A person's roles as every service learns them (the people feed): a developer of an organization, and a member of
 * a company, announced as their owning services would and awaited until this service knows them.
 */
public final class PeopleRoles {

    private final String bootstrap;
    private final PeopleFeed people;

    public PeopleRoles(String bootstrap, PeopleFeed people) {
        this.bootstrap = bootstrap;
        this.people = people;
    }

    /** A new person who develops in {@code org}: their token there. */
    public Person developer(UUID org) {
        UUID account = UUID.randomUUID();
        EventSender.send(bootstrap, Topics.APPS_DEVELOPER_ROLE, EventEnvelope.of(AppsEvents.DEVELOPER_ROLE_CHANGED,
                "app-management-service", null, DirectoryFeed.DIRECTORY_ADMIN, DeveloperRoleChanged.key(org, account),
                new DeveloperRoleChanged(org, account, UUID.randomUUID(), DeveloperRoleChanged.DEVELOPER)));
        await().atMost(20, TimeUnit.SECONDS).until(() -> people.developerRole(org, account).isPresent());
        return new Person(account, TestTokens.person(account).developerOrg(org).sign());
    }

    /** The person becomes a member of {@code company}, as the directory announces it. */
    public void member(UUID account, UUID company) {
        EventSender.send(bootstrap, Topics.DIRECTORY_COMPANY_ROLE, EventEnvelope.of(
                DirectoryEvents.COMPANY_ROLE_CHANGED, "directory-service", company,
                DirectoryFeed.DIRECTORY_ADMIN, CompanyRoleChanged.key(company, account),
                new CompanyRoleChanged(company, account, UUID.randomUUID(), CompanyRoleChanged.MEMBER, false)));
        await().atMost(20, TimeUnit.SECONDS).until(() -> people.companyRole(company, account).isPresent());
    }

    public record Person(UUID accountId, String token) {
    }
}
