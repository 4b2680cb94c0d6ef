import uuid

from oauth2_provider.oauth2_validators import OAuth2Validator

from .people import PEOPLE


class EntraLikeValidator(OAuth2Validator):
    """Claims as Entra ID gives them (`oid`, `preferred_username`), plus ID-porten's `pid` where set."""

    oidc_claim_scope = None  # every claim whatever the scope, as a generous provider would

    def get_additional_claims(self, request):
        user = request.user
        claims = {
            "oid": str(uuid.uuid5(uuid.NAMESPACE_URL, f"oid:{user.username}")),
            "email": user.email,
            "preferred_username": user.email,
            "name": user.get_full_name(),
        }
        pid = PEOPLE[user.username].get("pid")
        if pid:
            claims["pid"] = pid
        return claims
