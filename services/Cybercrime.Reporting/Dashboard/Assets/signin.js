// Signing in: a development token from the host (Development and the standalone host), or the
// OpenID Connect authorization code flow with PKCE against the identity provider the service trusts.
// The token lives in sessionStorage only: gone with the tab, never in localStorage or a cookie.

const TOKEN = 'cybercrime.dashboard.token';
const PENDING = 'cybercrime.dashboard.sign-in';

function claims(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(part));
  } catch {
    return {};
  }
}

/** The token to send, or null when there is none or it has expired. */
export function currentToken() {
  const token = sessionStorage.getItem(TOKEN);
  if (token && typeof claims(token).exp === 'number' && claims(token).exp * 1000 <= Date.now()) {
    sessionStorage.removeItem(TOKEN);
    return null;
  }
  return token;
}

/** Who the token names, for the page's header. */
export function signedInAs(token) {
  const c = claims(token);
  return c.name ?? c.preferred_username ?? c.email ?? c.sub ?? 'signed in';
}

export function signOut() {
  sessionStorage.removeItem(TOKEN);
}

export async function developmentSignIn() {
  const response = await fetch('/dev/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ roles: ['hq-reporting'] }),
  });
  if (!response.ok) {
    throw new Error(`The development sign-in was refused (${response.status}).`);
  }
  sessionStorage.setItem(TOKEN, (await response.json()).token);
}

function base64Url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomText(bytes) {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function redirectUri() {
  return location.origin + location.pathname;
}

async function discover(authority) {
  const response = await fetch(`${authority.replace(/\/+$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) {
    throw new Error(`The identity provider's configuration could not be read (${response.status}).`);
  }
  return response.json();
}

/** Sends the browser to the identity provider; it comes back to this page with ?code=&state=. */
export async function providerSignIn(config) {
  const provider = await discover(config.authority);
  const verifier = randomText(48);
  const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const state = randomText(24);
  const nonce = randomText(24);
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, nonce, tokenEndpoint: provider.token_endpoint, filters: location.search }));
  const url = new URL(provider.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: redirectUri(),
    scope: config.scope,
    state,
    nonce,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

/**
 * On the way back from the identity provider: exchanges the code for tokens (with the PKCE verifier)
 * and keeps the access token. Returns false when this load is not such a return.
 */
export async function completeProviderSignIn(config) {
  const answer = new URLSearchParams(location.search);
  if (!answer.has('code') && !answer.has('error')) {
    return false;
  }
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null');
  sessionStorage.removeItem(PENDING);
  // The code leaves the address bar (and the history) whatever happens next.
  history.replaceState(null, '', location.pathname + (pending?.filters ?? ''));
  if (answer.has('error')) {
    throw new Error(`The identity provider did not sign you in: ${answer.get('error_description') ?? answer.get('error')}.`);
  }
  if (!pending || answer.get('state') !== pending.state) {
    throw new Error('This sign-in answer was not asked for by this page: sign in again.');
  }
  const response = await fetch(pending.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: answer.get('code'),
      redirect_uri: redirectUri(),
      client_id: config.clientId,
      code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) {
    throw new Error(`The identity provider refused the sign-in code (${response.status}).`);
  }
  const tokens = await response.json();
  if (tokens.id_token && claims(tokens.id_token).nonce !== pending.nonce) {
    throw new Error('The identity provider answered for another sign-in (nonce): sign in again.');
  }
  if (!tokens.access_token) {
    throw new Error('The identity provider gave no access token.');
  }
  sessionStorage.setItem(TOKEN, tokens.access_token);
  return true;
}
