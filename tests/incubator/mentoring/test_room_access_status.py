"""The room template reads access.is_closed instead of comparing the status with a string."""

from incubator.mentoring.selectors import RoomAccess, RoomStatus


def test_room_access_is_closed_only_for_a_closed_room():
    assert RoomAccess(exists=True, status=RoomStatus.CLOSED).is_closed
    assert not RoomAccess(exists=True, status=RoomStatus.OPEN).is_closed
    assert not RoomAccess(exists=True, status=RoomStatus.NOT_YET).is_closed
