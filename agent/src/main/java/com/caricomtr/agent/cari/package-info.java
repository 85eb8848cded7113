/**
 * The only code that knows Cari.com.tr's wire format (see {@code docs/cari-api.md}): JSON shapes, paths, headers,
 * error bodies, and how each failure is classified for the sync engine. Aligning with the real API must touch only
 * this package and that document.
 *
 * <p>Dependency direction: this package may use {@code invoice}; it never uses {@code sync} or {@code api}.
 */
package com.caricomtr.agent.cari;
