"""The logo: a pixel limit, stored downscaled and under a name of the portal's own."""

import io

from django.urls import reverse
from PIL import Image

LOGO = reverse("plans:plan_logo")


def png(width, height, name="logo.png"):
    buffer = io.BytesIO()
    Image.new("1", (width, height)).save(buffer, format="PNG")  # tiny files, however many pixels
    buffer.name = name
    buffer.seek(0)
    return buffer


def test_a_logo_with_too_many_pixels_is_refused(coordinator_client, gjesdal, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    upload = png(5000, 5000)
    assert len(upload.getvalue()) < 100_000
    response = coordinator_client.post(LOGO, {"logo": upload})
    assert response.status_code == 400
    assert "Logoen er for stor: høyst 16 millioner piksler." in response.text
    gjesdal.refresh_from_db()
    assert not gjesdal.logo


def test_a_large_logo_is_stored_downscaled_under_our_own_name(coordinator_client, gjesdal, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    response = coordinator_client.post(LOGO, {"logo": png(3000, 1000, name="15830800120.png")})
    assert response.status_code == 302
    gjesdal.refresh_from_db()
    assert gjesdal.logo.name.startswith("logos/logo")
    with Image.open(gjesdal.logo.path) as stored:
        assert stored.size == (1200, 400)


def test_a_logo_whose_pixels_cannot_be_decoded_gets_a_form_error(coordinator_client, gjesdal, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    whole = png(300, 100).getvalue()
    broken = io.BytesIO(whole[: len(whole) // 2])  # the header survives, the pixel data does not
    broken.name = "logo.png"
    response = coordinator_client.post(LOGO, {"logo": broken})
    assert response.status_code == 400
    gjesdal.refresh_from_db()
    assert not gjesdal.logo
