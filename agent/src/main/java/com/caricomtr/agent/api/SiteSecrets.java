package com.caricomtr.agent.api;

import java.util.Optional;

import com.caricomtr.agent.cari.Masker;

/** Each bridge site's shared secret: the key of the request signatures in both directions. */
public interface SiteSecrets {

    /** The secret of a configured site; empty for any other id. */
    Optional<String> secret(String siteId);

    /** Hides every secret held here in a text about to be logged. */
    Masker masker();
}
