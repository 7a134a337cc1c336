/**
 * OAuth 2.0 vocabulary every part of token-service shares, below all of them: the form of an OAuth request and the
 * grant types. Nothing here depends on another token-service package.
 */
package dev.gatehouse.token.oauth;

