"""complaintdesk: complaint handling that reads the complainant, coaches the reply and keeps promises."""

__version__ = "0.1.0"
