package org.custodian.platform.pagination;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

/** A list is named as the OpenAPI document names its operation, so that the every-operation contract can name it too. */
class PageRequestsTest {

    @Path("/api/v1/schools/{urn}/pupils/")
    static class Pupils {
        @GET
        public void list() {}

        @GET
        @Path("/{pupilId}//consents/")
        public void consents() {}

        @POST
        @Path("{ id : [0-9]+ }")
        public void regex() {}
    }

    abstract static class Inherited {
        @GET
        public void list() {}
    }

    @Path("api/v1/schools/{urn}/audit/consent")
    static class Audit extends Inherited {}

    @Test
    void aListIsItsMethodAndPathTemplate() throws NoSuchMethodException {
        assertThat(PageRequests.listOf(Pupils.class, Pupils.class.getMethod("list")))
                .isEqualTo("GET /api/v1/schools/{urn}/pupils");
        assertThat(PageRequests.listOf(Pupils.class, Pupils.class.getMethod("consents")))
                .isEqualTo("GET /api/v1/schools/{urn}/pupils/{pupilId}/consents");
        assertThat(PageRequests.listOf(Pupils.class, Pupils.class.getMethod("regex")))
                .isEqualTo("POST /api/v1/schools/{urn}/pupils/{id}");
        assertThat(PageRequests.listOf(Audit.class, Audit.class.getMethod("list")))
                .isEqualTo("GET /api/v1/schools/{urn}/audit/consent");
    }
}
