"""The base of every group of settings: unknown keys refused, values frozen once read."""

from pydantic import BaseModel, ConfigDict


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
