package org.custodian.sharing.action;

import org.custodian.sharing.action.PartnerActionRepository.Counts;

public record PupilSummary(String pupilId, Counts actions) {}
