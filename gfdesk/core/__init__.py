"""Qt-free infrastructure every feature shares: session, connection, outbox."""
