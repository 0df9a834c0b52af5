"""The bench's model: a Qt-free session that gives every code its meaning and drives the
inspection."""
