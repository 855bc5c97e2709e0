package org.custodian.sar.request;

import java.time.LocalDate;
import org.custodian.sar.request.RightsRequest.RequesterType;

/** Filters of the list of requests; null means any. */
public record RequestFilter(
        RequestStatus status,
        RequestType type,
        String pupilId,
        LocalDate dueBefore,
        RequesterType requesterType,
        String requesterId) {}
