/**
 * Who may call the API and what they may see ({@code agentos-api.md} §5): the authentication before-handler (security
 * key, JWTs), the RBAC scope model and the before-matched check of each route's declared {@link
 * dev.agentry.server.auth.Access} roles, and user isolation. Routes and error bodies do not belong here; this package
 * only decides and throws. The scopes of a route are declared beside it in {@code http.Routes}, not here.
 */
@NullMarked
package dev.agentry.server.auth;

import org.jspecify.annotations.NullMarked;
