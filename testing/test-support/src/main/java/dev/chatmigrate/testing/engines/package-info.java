/** Engine providers that watch the one under test: {@link dev.chatmigrate.testing.engines.OpenCountingProvider} counts warm-ups and opens. */
package dev.chatmigrate.testing.engines;
