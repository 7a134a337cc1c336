package dev.gatehouse.token.company;

import dev.gatehouse.web.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** The companies that exist, as far as token-service has heard ({@link CompanyEventsConsumer}). */
@ApplicationScoped
public class KnownCompanyRepository implements PanacheRepositoryBase<KnownCompany, UUID> {

    /** Inside the caller's session: a 404 problem unless the company exists. */
    public Uni<Void> require(UUID companyId) {
        return findById(companyId).invoke(c -> {
            if (c == null) {
                throw ProblemException.of(404, "not-found", "Not Found", "Company " + companyId
                        + " does not exist (a company created a moment ago can take a second to reach "
                        + "token-service; then try again)");
            }
        }).replaceWithVoid();
    }
}
