"""The one field of the two-factor pages: the code an authenticator app shows."""

from django import forms


class CodeForm(forms.Form):
    """A 6-digit code from the user's authenticator app (spaces ignored)."""

    code = forms.CharField(
        label="Code from your authenticator app",
        help_text="6 digits, for example 123456.",
        max_length=20,
        error_messages={"required": "Enter the 6-digit code your authenticator app shows."},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if not (len(code) == 6 and code.isascii() and code.isdigit()):
            raise forms.ValidationError("Enter the code as 6 digits, for example 123456.")
        return code
