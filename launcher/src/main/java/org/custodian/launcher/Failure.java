package org.custodian.launcher;

/** Why a command cannot go on, said to the user as {@code error: <message>} with exit status 1. */
final class Failure extends RuntimeException {

    Failure(String message) {
        super(message);
    }
}
