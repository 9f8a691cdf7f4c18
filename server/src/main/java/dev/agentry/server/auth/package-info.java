/**
 * Who may call the API: the security-key check that runs before every route. Routes and error bodies do not belong
 * here; this package only decides and throws.
 */
@NullMarked
package dev.agentry.server.auth;

import org.jspecify.annotations.NullMarked;
