"""Errors whose message is meant for the person at the screen (in Indonesian)."""


class UserError(Exception):
    """Bad input or a refused action; the message is shown to the user as it is."""


class PermissionDenied(UserError):
    """The actor's role or ownership does not allow this."""
