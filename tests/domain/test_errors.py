from station.domain.errors import BilingualError
from station.review.errors import DecisionRefused


def test_an_error_speaks_either_language_and_logs_in_english() -> None:
    error = BilingualError("Nothing to decide.", "没有可复核的内容。")
    assert (error.message("zh_CN"), error.message("en")) == (
        "没有可复核的内容。",
        "Nothing to decide.",
    )
    assert str(error) == "Nothing to decide." and error.message() == "没有可复核的内容。"


def test_the_review_service_s_refusals_are_bilingual_errors() -> None:
    refused = DecisionRefused("A decision needs a reason.", "复核需要填写原因。")
    assert isinstance(refused, BilingualError) and refused.message("en") == str(refused)
